"""The analysts' BI dashboard on the warehouse marts (Streamlit); `serve_dashboard` starts it.

Importing this package does not import Streamlit: the CLI can offer `majlis dashboard` cheaply.
"""

from majlis.dashboard.launcher import dashboard_command, serve_dashboard

__all__ = ["dashboard_command", "serve_dashboard"]
