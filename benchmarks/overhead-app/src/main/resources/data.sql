INSERT INTO product (sku, name, price_cents) VALUES
  ('SKU-0', 'Trail running shoes', 1290),
  ('SKU-1', 'Rain jacket', 2140),
  ('SKU-2', 'Wool socks', 2990),
  ('SKU-3', 'Headlamp', 3840),
  ('SKU-4', 'Water bottle', 4690),
  ('SKU-5', 'Hiking poles', 5540),
  ('SKU-6', 'Daypack', 6390),
  ('SKU-7', 'Sun hat', 7240),
  ('SKU-8', 'Fleece', 8090),
  ('SKU-9', 'Gaiters', 8940);
