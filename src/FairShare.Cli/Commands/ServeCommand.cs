using System.CommandLine;
using FairShare.Web.Hosting;

namespace FairShare.Cli.Commands;

public static class ServeCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1.", DefaultValueFactory = _ => 5000 };
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on instead, e.g. http://0.0.0.0:8080." };
        var serve = new Command("serve", "Run the web app (http://127.0.0.1:5000 by default) until Ctrl+C.");
        serve.Options.Add(port);
        serve.Options.Add(urls);
        serve.SetAction(async (parse, ct) =>
        {
            var database = global.DatabaseOptions(parse);
            var args = new List<string>
            {
                $"--FairShare:Port={parse.GetValue(port)}",
                $"--Database:Provider={database.Provider}",
                $"--Database:DataFolder={database.DataFolder}",
            };
            if (database.ConnectionString is { Length: > 0 } cs)
            {
                args.Add($"--Database:ConnectionString={cs}");
            }
            if (parse.GetValue(urls) is { Length: > 0 } u)
            {
                args.Add($"--urls={u}");
            }
            return await FairShareWebApp.RunAsync([.. args], stdout, stderr);
        });
        return serve;
    }
}
