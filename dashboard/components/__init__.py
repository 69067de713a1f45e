"""Drawing pieces shared by the pages: charts (plotly), widgets, downloads, the report."""
