CREATE TABLE product (
  sku VARCHAR(32) PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  price_cents BIGINT NOT NULL
);

CREATE TABLE orders (
  slot INT PRIMARY KEY,
  order_id VARCHAR(32) NOT NULL,
  customer_id VARCHAR(64) NOT NULL,
  sku VARCHAR(32) NOT NULL,
  quantity INT NOT NULL,
  total_cents BIGINT NOT NULL
);
