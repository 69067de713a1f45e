"""The Streamlit dashboard: pages and components that draw what ``scoring`` computes."""
