-- Account, Contact, Lead and Case (dev.sfsim.simulator.catalog.SalesObjects; CatalogSchemaTest keeps both in step).
-- "case" is an SQL keyword: the Case table is "cases", as the User table is "users".

CREATE SEQUENCE cases_name_seq;

CREATE TABLE account (
    id text PRIMARY KEY,
    is_deleted boolean NOT NULL DEFAULT false,
    name text NOT NULL,
    account_number text,
    type text,
    industry text,
    parent_id text,
    phone text,
    website text,
    description text,
    billing_city text,
    billing_country text,
    number_of_employees integer,
    annual_revenue double precision,
    owner_id text,
    created_date timestamptz NOT NULL,
    created_by_id text NOT NULL,
    last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL,
    system_modstamp timestamptz NOT NULL
);

CREATE TABLE contact (
    id text PRIMARY KEY,
    is_deleted boolean NOT NULL DEFAULT false,
    account_id text,
    first_name text,
    last_name text NOT NULL,
    name text,
    email text,
    phone text,
    mobile_phone text,
    title text,
    lead_source text,
    description text,
    owner_id text,
    created_date timestamptz NOT NULL,
    created_by_id text NOT NULL,
    last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL,
    system_modstamp timestamptz NOT NULL
);

CREATE TABLE lead (
    id text PRIMARY KEY,
    is_deleted boolean NOT NULL DEFAULT false,
    first_name text,
    last_name text NOT NULL,
    name text,
    company text NOT NULL,
    email text,
    phone text,
    mobile_phone text,
    status text NOT NULL,
    lead_source text,
    is_converted boolean NOT NULL DEFAULT false,
    owner_id text,
    created_date timestamptz NOT NULL,
    created_by_id text NOT NULL,
    last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL,
    system_modstamp timestamptz NOT NULL
);

CREATE TABLE cases (
    id text PRIMARY KEY,
    is_deleted boolean NOT NULL DEFAULT false,
    case_number text,
    subject text,
    description text,
    status text,
    priority text,
    origin text,
    account_id text,
    contact_id text,
    is_closed boolean NOT NULL DEFAULT false,
    closed_date timestamptz,
    owner_id text,
    created_date timestamptz NOT NULL,
    created_by_id text NOT NULL,
    last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL,
    system_modstamp timestamptz NOT NULL
);

CREATE INDEX contact_account_idx ON contact (account_id);
CREATE INDEX cases_account_idx ON cases (account_id);
-- getUpdated/getDeleted scan by modstamp on every object.
CREATE INDEX account_modstamp_idx ON account (system_modstamp);
CREATE INDEX contact_modstamp_idx ON contact (system_modstamp);
CREATE INDEX lead_modstamp_idx ON lead (system_modstamp);
CREATE INDEX cases_modstamp_idx ON cases (system_modstamp);
