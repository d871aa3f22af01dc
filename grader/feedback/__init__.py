"""What the grader says: the message catalogue, reports, pictures, the sanitiser."""
