-- WhatsApp notification components need an approved external (WhatsApp) template; fixtures may seed its status.
ALTER TABLE messaging_component ADD COLUMN external_template_status text NOT NULL DEFAULT 'Approved';
