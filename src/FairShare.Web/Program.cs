using FairShare.Web.Hosting;

return await FairShareWebApp.RunAsync(args, Console.Out, Console.Error);
