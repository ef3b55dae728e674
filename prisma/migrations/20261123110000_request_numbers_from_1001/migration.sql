-- Customers quote request numbers ("CANCEL 1042"); four digits from the start read as a booking
-- number, not a count.
ALTER SEQUENCE "Request_number_seq" RESTART WITH 1001;
