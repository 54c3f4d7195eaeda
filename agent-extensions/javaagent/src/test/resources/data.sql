INSERT INTO orders (id, status) VALUES ('ord-seed', 'CONFIRMED');
