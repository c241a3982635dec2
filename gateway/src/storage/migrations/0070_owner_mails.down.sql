DROP TABLE IF EXISTS owner_mails;
