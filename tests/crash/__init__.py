"""Kill Hamish with SIGKILL at random moments and check that nothing saved is lost."""
