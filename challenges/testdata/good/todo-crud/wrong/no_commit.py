def add_todo(session, title):
    session.add(title)
