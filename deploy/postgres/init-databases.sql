-- One PostgreSQL instance, one database per service: no service reads another's tables.
create database proofwork_audition;
create database proofwork_scoring;
create database proofwork_ranking;
create database proofwork_payout;
