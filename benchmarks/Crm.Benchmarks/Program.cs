using BenchmarkDotNet.Running;

// Run all benchmarks, or pick some: dotnet run -c Release --project benchmarks/Crm.Benchmarks -- --filter '*Cpf*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
