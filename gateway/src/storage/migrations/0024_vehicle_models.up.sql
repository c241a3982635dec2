-- The model catalog: what a maker publishes per vehicle model (powertrain,
-- coolant warning temperature, tyre placard, battery), read by rules that
-- hold per model instead of hard-coding model ids or limits.
CREATE TABLE vehicle_models (
  model_id   text PRIMARY KEY,
  spec       jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
