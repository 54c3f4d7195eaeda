INSERT INTO owners (id, first_name, last_name, city) VALUES (1, 'George', 'Franklin', 'Madison');
INSERT INTO owners (id, first_name, last_name, city) VALUES (2, 'Betty', 'Davis', 'Sun Prairie');
INSERT INTO owners (id, first_name, last_name, city) VALUES (3, 'Eduardo', 'Rodriquez', 'McFarland');
INSERT INTO owners (id, first_name, last_name, city) VALUES (4, 'Harold', 'Davis', 'Windsor');
INSERT INTO owners (id, first_name, last_name, city) VALUES (5, 'Peter', 'McTavish', 'Madison');
