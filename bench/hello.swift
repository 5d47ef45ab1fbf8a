// Baseline for `make bench`: the cheapest possible static-stdlib Swift process.
print("hello")
