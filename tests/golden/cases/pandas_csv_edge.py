# read_csv edge cases: quoting, BOM, CRLF, NA strings, type inference, options, bad input.
import io
import pandas as pd


def show(df):
    print(df)
    print(df.dtypes.to_dict() if False else list(map(str, df.dtypes)))


with open('quoted.csv', 'w', newline='') as f:
    f.write('name,text,n\n"Smith, J","He said ""hi""",1\n"multi\nline",plain,2\n')
show(pd.read_csv('quoted.csv'))
# %%
with open('bom.csv', 'wb') as f:
    f.write('\ufeffa,b\r\n1,x\r\n2,y\r\n'.encode('utf-8'))
df = pd.read_csv('bom.csv')
show(df)
list(df.columns)
# %%
na = 'v\n\nNA\nN/A\nNaN\nnan\nnull\nNULL\n#N/A\n-NaN\n<NA>\nn/a\nNone\nnone\n1.5\n'
df = pd.read_csv(io.StringIO('k,v\n' + ''.join(f'{i},{line}\n' for i, line in enumerate(na.split('\n')[1:-1]))))
show(df)
# %%
show(pd.read_csv(io.StringIO('i,f,b,s,mixed,allna\n1,1.5,True,x,1,\n2,2,False,y,a,\n3,,TRUE,z,3,\n')))
# %%
show(pd.read_csv(io.StringIO('a,b,c\n1,2,3\n4,5\n')))
# %%
show(pd.read_csv(io.StringIO('a,b\n-1,1e3\n+2,.5\n 3 ,inf\n')))
# %%
show(pd.read_csv(io.StringIO('a,b\ntrue,True\nfalse,\n')))
# %%
pd.read_csv(io.StringIO('a,b,c\n1,2,3\n4,5,6\n7,8,9\n1,2,3,4\n'))
# %%
pd.read_csv(io.StringIO(''))
# %%
pd.read_csv(io.StringIO('\n\n'))
# %%
show(pd.read_csv(io.StringIO('a,b\n')))
# %%
pd.read_csv(io.StringIO('a,b\n')).index
# %%
pd.read_csv('missing.csv')
# %%
show(pd.read_csv(io.StringIO('a,b,c\n1,2,3\n4,5,6\n'), index_col=0))
# %%
pd.read_csv(io.StringIO('a,b,c\n1,2,3\n4,5,6\n'), index_col='b').index
# %%
show(pd.read_csv(io.StringIO('a,b,c\n1,2,3\n4,5,6\n'), usecols=['a', 'c']))
# %%
show(pd.read_csv(io.StringIO('a,b,c\n1,2,3\n4,5,6\n'), usecols=[1]))
# %%
show(pd.read_csv(io.StringIO('1,2,3\n4,5,6\n'), header=None))
# %%
pd.read_csv(io.StringIO('1,2,3\n4,5,6\n'), header=None).columns
# %%
show(pd.read_csv(io.StringIO('1,2,3\n4,5,6\n'), names=['x', 'y', 'z']))
# %%
show(pd.read_csv(io.StringIO('a;b\n1;2\n'), sep=';'))
# %%
show(pd.read_csv(io.StringIO('a\tb\n1\tx\n'), sep='\t'))
# %%
show(pd.read_csv(io.StringIO('a,b\n1,2\n3,4\n5,6\n'), nrows=2))
# %%
show(pd.read_csv(io.StringIO('a,b\n1,missing\n-1,x\n'), na_values=['missing', -1]))
# %%
show(pd.read_csv(io.StringIO('a,b\nNA,\nx,1\n'), keep_default_na=False))
# %%
show(pd.read_csv(io.StringIO('a,b\n1,2\n3,4\n'), dtype={'a': float, 'b': str}))
# %%
show(pd.read_csv(io.StringIO('a,b\n1,2\n3,4\n'), dtype=str))
# %%
with open('gbk.csv', 'wb') as f:
    f.write('名字,城市,分数\n张三,北京,90\n李四,上海,\n'.encode('gbk'))
show(pd.read_csv('gbk.csv', encoding='gbk'))
# %%
pd.read_csv('gbk.csv')
# %%
show(pd.read_csv('gbk.csv', encoding='gb18030'))
# %%
with open('bad.csv', 'wb') as f:
    f.write(b'a,b\n1,2\n3,\xff\n')
pd.read_csv('bad.csv')
# %%
show(pd.read_csv(io.StringIO('a,a,\n1,2,3\n')))
# %%
show(pd.read_csv(io.StringIO('a,b\n1,2,3\n4,5,6\n')))
# %%
show(pd.read_csv(io.StringIO('x,y\n1,2\n\n3,4\n')))
# %%
show(pd.read_csv(io.BytesIO(b'a,b\r\n"q\r\nr",1\r\n')))
