from ita_tui.cli import main

main()
