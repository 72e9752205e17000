from wirewatch.cli.main import main

main()
