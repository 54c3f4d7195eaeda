-- The seeded catalog. Inserted only when missing, so a restart against PostgreSQL keeps its counts.
-- SKU-8 is scarce on purpose: the demo can show a rejected reservation and its compensation.

INSERT INTO catalog_item (sku, name, price, available, reserved)
SELECT 'SKU-1', 'Desk lamp', 19.90, 1000, 0
WHERE NOT EXISTS (SELECT 1 FROM catalog_item WHERE sku = 'SKU-1');
INSERT INTO catalog_item (sku, name, price, available, reserved)
SELECT 'SKU-2', 'Notebook A5', 4.50, 5000, 0
WHERE NOT EXISTS (SELECT 1 FROM catalog_item WHERE sku = 'SKU-2');
INSERT INTO catalog_item (sku, name, price, available, reserved)
SELECT 'SKU-3', 'Mechanical keyboard', 89.00, 300, 0
WHERE NOT EXISTS (SELECT 1 FROM catalog_item WHERE sku = 'SKU-3');
INSERT INTO catalog_item (sku, name, price, available, reserved)
SELECT 'SKU-4', 'Wireless mouse', 24.99, 800, 0
WHERE NOT EXISTS (SELECT 1 FROM catalog_item WHERE sku = 'SKU-4');
INSERT INTO catalog_item (sku, name, price, available, reserved)
SELECT 'SKU-5', '27-inch monitor', 229.00, 120, 0
WHERE NOT EXISTS (SELECT 1 FROM catalog_item WHERE sku = 'SKU-5');
INSERT INTO catalog_item (sku, name, price, available, reserved)
SELECT 'SKU-6', 'USB-C cable', 9.99, 10000, 0
WHERE NOT EXISTS (SELECT 1 FROM catalog_item WHERE sku = 'SKU-6');
INSERT INTO catalog_item (sku, name, price, available, reserved)
SELECT 'SKU-7', 'Noise-cancelling headphones', 199.00, 200, 0
WHERE NOT EXISTS (SELECT 1 FROM catalog_item WHERE sku = 'SKU-7');
INSERT INTO catalog_item (sku, name, price, available, reserved)
SELECT 'SKU-8', 'Standing desk', 549.00, 5, 0
WHERE NOT EXISTS (SELECT 1 FROM catalog_item WHERE sku = 'SKU-8');
