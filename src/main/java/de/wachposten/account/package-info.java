/**
 * Checks of the account behind a channel rather than of its posts: its profile
 * ({@link de.wachposten.account.ProfileChangeDetector}: {@code profile_changed}) and its credentials after
 * off-boarding ({@link de.wachposten.account.OverdueCredentialsDetector}: {@code credentials_overdue}, with the
 * deadline rule in {@link de.wachposten.account.RotationDeadline}).
 *
 * <p>Why a package of its own: these rules are about who controls the account (a changed display name or avatar, a
 * password a former colleague still knows), not about what a post says ({@code rules}), when it appeared
 * ({@code timing}), whether it was approved ({@code approval}) or how the channel usually posts ({@code behaviour}).
 * The pipeline turns a profile revision or an overdue task into an {@link de.wachposten.detect.Event} and an archive
 * entry of its own kind; the detectors here decide what that means. Plain synchronous Java, no Vert.x, no store.
 */
package de.wachposten.account;
