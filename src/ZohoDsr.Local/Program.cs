using ZohoDsr.Local.Cli;

return await LocalCli.InvokeAsync(args);
