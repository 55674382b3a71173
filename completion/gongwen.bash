# bash completion for gongwen (installed as share/bash-completion/completions/gongwen)
_gongwen()
{
    local cur prev words cword
    _init_completion || return
    local commands="new check render batch fonts layout help"
    if ((cword == 1)); then
        COMPREPLY=($(compgen -W "$commands -V --version -h --help" -- "$cur"))
        return
    fi
    local command=${words[1]} opts
    case $command in
        new)    opts="-t --template -h --help" ;;
        check)  opts="--strict --layout --format --font-path -q --quiet -h --help" ;;
        batch)  opts="-o --output -j --jobs --fail-fast --check --report --profile --font-path -q --quiet -h --help" ;;
        render) opts="-o --output --strict --format --font-path -q --quiet -h --help" ;;
        fonts)  opts="--font-path -h --help" ;;
        layout) opts="--font-path -q --quiet -h --help" ;;
        help)   COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
        *)      return ;;
    esac
    case $prev in
        -t|--template) COMPREPLY=($(compgen -W "file letter order minutes" -- "$cur")); return ;;
        --format)      COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
        --font-path)   _filedir -d; return ;;
        -o|--output)   [[ $command == batch ]] && _filedir -d || _filedir pdf; return ;;
        --report)      _filedir json; return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [[ $command != new ]]; then
        _filedir '@(yaml|yml)'
    fi
}
complete -F _gongwen gongwen
