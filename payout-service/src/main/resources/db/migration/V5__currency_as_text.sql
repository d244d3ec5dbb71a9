-- Currency codes as text: char(3) pads what it holds, so every reader had to trim. The codes are checked
-- where they enter (ISO 4217 for price plans, a price plan's currency for deposits and auditions).
alter table ledger_entry     alter column currency type text;
alter table account_balance  alter column currency type text;
alter table audition_account alter column currency type text;
alter table payable          alter column currency type text;
alter table transfer         alter column currency type text;
alter table deposit          alter column currency type text;
alter table price_plan       alter column currency type text;
alter table invoice          alter column currency type text;
