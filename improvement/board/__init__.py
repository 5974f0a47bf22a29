"""Pages that join the plan, evidence and complaints."""
