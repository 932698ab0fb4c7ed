using CareDesk.Bench.Imports;

// Distributor customer lists for the import benchmarks of issue 15, their truth, and the score of an import against
// it; bench/imports/README.md says how to use each command.
//   dotnet run -c Release --project bench/imports/Generator -- generate --rows 1000000 --out list.csv --truth truth.csv --seed 15
//   dotnet run -c Release --project bench/imports/Generator -- evaluate --truth truth.csv --rows rows.csv
//   dotnet run -c Release --project bench/imports/Generator -- self-check
return args.FirstOrDefault() switch
{
    "generate" => GenerateCommand.Run(CommandLine.Parse(args[1..])),
    "evaluate" => await EvaluateCommand.RunAsync(CommandLine.Parse(args[1..])),
    "self-check" or "--self-check" => SelfCheck.Run(CommandLine.Parse(args[1..])),
    _ => CommandLine.Usage(),
};
