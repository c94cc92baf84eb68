package de.wachposten.platform.graph;

import de.wachposten.platform.ConnectorContract;
import de.wachposten.simulator.PlatformSimulator;

/**
 * The connector contract for one account on the simulated Meta Graph API, a Facebook page or an Instagram
 * professional account: the account, the required token, and publishing, editing, deleting and faults on it.
 */
public abstract class GraphContractBase extends ConnectorContract {
    private final String account;
    private final String name;
    private final boolean instagram;
    private final String client;

    /**
     * The account {@code account} named {@code name} on Instagram or Facebook; posts are published with the
     * application {@code client} (null for none).
     */
    protected GraphContractBase(String account, String name, boolean instagram, String client) {
        this.account = account;
        this.name = name;
        this.instagram = instagram;
        this.client = client;
    }

    @Override
    protected void createChannel(PlatformSimulator sim) {
        sim.meta().account(account, name, instagram);
        sim.meta().requireToken(SECRET);
    }

    @Override
    protected String publish(String text) {
        return sim.meta().publish(account, text, fixture.nextTime(), client);
    }

    @Override
    protected void edit(String platformId, String newText) {
        sim.meta().edit(platformId, newText, CLOCK.instant());
    }

    @Override
    protected void delete(String platformId) {
        sim.meta().delete(platformId);
    }

    @Override
    protected void inject(ContractFault fault, Settings settings) {
        sim.faults().inject(account, simulated(fault, settings, true), timesPastTheProfileRead(fault));
    }
}
