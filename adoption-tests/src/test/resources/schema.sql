CREATE TABLE owners (
  id         BIGINT PRIMARY KEY,
  first_name VARCHAR(30) NOT NULL,
  last_name  VARCHAR(30) NOT NULL,
  city       VARCHAR(80)
);
CREATE INDEX owners_last_name ON owners (last_name);
