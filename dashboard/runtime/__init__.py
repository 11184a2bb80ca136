"""Process-level services the Streamlit app runs on: the warehouse connection (db), URL/session state (state),
memory trimming (memory), the run gate (gate), TCP_NODELAY for the server's connections (tcp) and the SQL console
worker process (sql_worker).
"""
