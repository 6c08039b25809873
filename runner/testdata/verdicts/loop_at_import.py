# want: time-limit
while True:
    pass
