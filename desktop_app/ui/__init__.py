"""Qt user interface of Hamish."""
