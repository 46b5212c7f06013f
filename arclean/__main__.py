from arclean.cli import main

main()
