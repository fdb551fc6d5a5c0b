using CityEServices.Stack.Commands;

// The stack launcher behind ./city: `run` (a developer's stack, foreground), `bench` (a fresh stack and
// the benchmarks; `bench mix` the sizing benchmark alone), `stop` (every stack this checkout recorded, or with --abandoned only those whose
// owner died), `projects` (the AppHost's projects and their folders), `national-ids N`, `contract` (the
// gateway's merged OpenAPI document into clients/openapi/v1.json).
return args switch
{
    ["run", .. var rest] => await RunCommand.RunAsync(rest),
    ["bench"] => await BenchCommand.RunAsync(mix: false),
    ["bench", "mix"] => await BenchCommand.RunAsync(mix: true),
    ["stop"] => await StopCommand.RunAsync(abandonedOnly: false),
    ["stop", "--abandoned"] => await StopCommand.RunAsync(abandonedOnly: true),
    ["projects"] => await ProjectsCommand.RunAsync(),
    ["contract"] => await ContractCommand.RunAsync(),
    ["national-ids", var count] when int.TryParse(count, out var n) && n > 0 => NationalIdsCommand.Run(n),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CityEServices.Stack run [AppHost switches…] | bench [mix] | stop [--abandoned] | projects | national-ids N | contract");
    return 2;
}
