module perfgate.example/go-api

go 1.19
