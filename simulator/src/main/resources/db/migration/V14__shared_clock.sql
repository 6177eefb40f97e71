-- The org's simulated clock (SimClock), shared by every simulator process using this database: an offset from real
-- time while it runs, the instant it stands at while frozen. One row; `version` grows with every change.
CREATE TABLE sim_clock (
    singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    offset_millis bigint NOT NULL DEFAULT 0,
    frozen_at     timestamptz,
    version       bigint NOT NULL DEFAULT 0
);
INSERT INTO sim_clock DEFAULT VALUES;
