DROP TABLE diagnostic_commands;
