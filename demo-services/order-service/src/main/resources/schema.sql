-- Runs at every start (H2 by default; PostgreSQL with the postgres profile): only statements that both
-- accept, and only IF NOT EXISTS, so a restart against a kept database is harmless.
CREATE TABLE IF NOT EXISTS orders (
    id             VARCHAR(36)              NOT NULL PRIMARY KEY,
    customer_id    VARCHAR(100)             NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    payment_status VARCHAR(16)              NOT NULL,
    stock_status   VARCHAR(16)              NOT NULL,
    reason         VARCHAR(500),
    amount         NUMERIC(19, 2)           NOT NULL,
    -- W3C traceparent of the request that placed the order: the saga timeout continues that trace
    trace_parent   VARCHAR(64),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- the timeout sweep: PENDING orders, oldest first
CREATE INDEX IF NOT EXISTS orders_status_created_at ON orders (status, created_at);

CREATE TABLE IF NOT EXISTS order_lines (
    order_id   VARCHAR(36)    NOT NULL REFERENCES orders (id),
    line_no    INTEGER        NOT NULL,
    sku        VARCHAR(64)    NOT NULL,
    quantity   INTEGER        NOT NULL,
    unit_price NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
