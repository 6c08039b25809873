def answer(:
