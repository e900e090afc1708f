"""Rule families of the validator. Each `check_*` yields Findings and never prints or raises."""
