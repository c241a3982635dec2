DROP TABLE vehicle_models;
