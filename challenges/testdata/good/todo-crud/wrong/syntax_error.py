def add_todo(session, title:
    return 1
