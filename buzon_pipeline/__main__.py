from buzon_pipeline.cli import main

main()
