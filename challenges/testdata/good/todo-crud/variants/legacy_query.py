def get_todo(session, todo_id):
    return session.query(object).get(todo_id)
