# want: compile-error
# flag: early exit while being imported
import os

os._exit(0)
