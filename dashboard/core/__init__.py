"""Pure logic of the dashboard: no Streamlit import anywhere below this package (a test enforces it).

Queries, chart specs, exports, similarity, parsing of user files, formatting, filters and the text catalogue;
everything here is testable without a Streamlit session.
"""
