-- The pay currency as text: char(3) pads what it holds, so readers had to trim.
alter table audition alter column pay_currency type text;
