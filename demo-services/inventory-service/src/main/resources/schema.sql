-- Portable between H2 and PostgreSQL, and safe to run on every start.

CREATE TABLE IF NOT EXISTS catalog_item (
    sku       VARCHAR(64)    NOT NULL PRIMARY KEY,
    name      VARCHAR(200)   NOT NULL,
    price     NUMERIC(12, 2) NOT NULL,
    available INTEGER        NOT NULL,
    reserved  INTEGER        NOT NULL,
    -- a safety net: the reservation UPDATE already refuses to go below zero
    CONSTRAINT catalog_item_available_not_negative CHECK (available >= 0),
    CONSTRAINT catalog_item_reserved_not_negative CHECK (reserved >= 0)
);

-- One row per order ever decided: what makes a redelivered OrderPlaced idempotent.
CREATE TABLE IF NOT EXISTS stock_decision (
    order_id   VARCHAR(100)             NOT NULL PRIMARY KEY,
    reserved   BOOLEAN                  NOT NULL,
    reason     VARCHAR(300),
    decided_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Stock currently held for an order; deleted when the order is cancelled.
CREATE TABLE IF NOT EXISTS reservation (
    order_id   VARCHAR(100)             NOT NULL PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE IF NOT EXISTS reservation_line (
    order_id VARCHAR(100) NOT NULL REFERENCES reservation (order_id) ON DELETE CASCADE,
    sku      VARCHAR(64)  NOT NULL REFERENCES catalog_item (sku),
    quantity INTEGER      NOT NULL,
    PRIMARY KEY (order_id, sku),
    CONSTRAINT reservation_line_quantity_positive CHECK (quantity > 0)
);
