-- The inbox pages by keyset, on (created_at, id), and filters by reason through an index instead of reading every
-- alert's reasons JSON. alert_reasons holds one row per reason code of an alert, with the alert's creation time (which
-- never changes), so that a reason's alerts are found newest first in its own index; the store writes it in the same
-- transaction as alerts.reasons (an alert's reasons only ever grow). The alerts indexes end in id, so that a page
-- starts right after its cursor and needs no sort.
CREATE TABLE alert_reasons (
    alert_id   TEXT NOT NULL REFERENCES alerts (id),
    code       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (alert_id, code)
);
INSERT INTO alert_reasons (alert_id, code, created_at)
    SELECT DISTINCT a.id, json_extract(r.value, '$.code'), a.created_at FROM alerts a, json_each(a.reasons) r;
CREATE INDEX alert_reasons_code ON alert_reasons (code, created_at, alert_id);
DROP INDEX alerts_status;
CREATE INDEX alerts_status ON alerts (status, created_at, id);
DROP INDEX alerts_channel;
CREATE INDEX alerts_channel ON alerts (channel_id, created_at, id);
CREATE INDEX alerts_created ON alerts (created_at, id);
