using BenchmarkDotNet.Running;

// In-process costs of the hot paths, apart from the database and the network (docs/benchmarks.md):
//   dotnet run -c Release --project bench/CareDesk.Bench.Micro -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
