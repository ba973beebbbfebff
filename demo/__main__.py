"""``python -m demo --out DIR``: write the sample exports (see `demo`)."""

from demo.generate import main

raise SystemExit(main())
