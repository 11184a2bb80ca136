"""Process-level services the Streamlit app runs on: the warehouse connection (db), URL/session state (state),
memory trimming (memory) and the SQL console worker process (sql_worker).
"""
